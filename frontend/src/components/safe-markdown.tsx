import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/** The mdast node shapes this file touches. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/**
 * A remark plugin that turns raw HTML into plain text, so `<script>` in a report is shown as
 * the characters it is, never parsed or executed. Block HTML becomes its own paragraph.
 */
function htmlAsText() {
  const walk = (node: MdNode, parent: MdNode | null) => {
    for (const child of node.children ?? []) walk(child, node);
    if (node.type !== 'html') return;
    const text: MdNode = { type: 'text', value: node.value ?? '' };
    if (parent?.type === 'root' || parent?.type === 'blockquote' || parent?.type === 'listItem') {
      node.type = 'paragraph';
      node.children = [text];
      delete node.value;
    } else {
      node.type = 'text';
    }
  };
  return (tree: MdNode) => walk(tree, null);
}

const components: Components = {
  // The report sits under the page's h1 and a section h2: its own headings start at h3.
  h1: ({ node: _node, ...props }) => <h3 {...props} />,
  h2: ({ node: _node, ...props }) => <h4 {...props} />,
  h3: ({ node: _node, ...props }) => <h5 {...props} />,
  h4: ({ node: _node, ...props }) => <h6 {...props} />,
  h5: ({ node: _node, ...props }) => <h6 {...props} />,
  // Reports never need to open links in place: keep the planner page, drop the referrer.
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
  // Wide tables scroll inside the page on a phone.
  table: ({ node: _node, ...props }) => (
    <div className="table-wrap">
      <table {...props} />
    </div>
  ),
};

/** Renders model-written markdown safely: raw HTML shows as text, unsafe URLs are dropped. */
export default function SafeMarkdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <Markdown remarkPlugins={[remarkGfm, htmlAsText]} components={components}>
        {children}
      </Markdown>
    </div>
  );
}
