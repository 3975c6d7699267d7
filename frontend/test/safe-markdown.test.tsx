import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import SafeMarkdown from '../src/components/safe-markdown.tsx';

describe('SafeMarkdown', () => {
  it('shows a script tag as text and creates no script element', () => {
    const { container } = render(
      <SafeMarkdown>{'Before\n\n<script>alert(1)</script>\n\nAfter'}</SafeMarkdown>,
    );

    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });

  it('shows an img with an onerror handler as text and creates no img element', () => {
    const { container } = render(<SafeMarkdown>{'Look: <img src=x onerror=alert(1)> here'}</SafeMarkdown>);

    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('still renders headings (shifted under the page headings), emphasis and tables', () => {
    const { container } = render(
      <SafeMarkdown>{'## Risk\n\nThis is **bold**.\n\n| a | b |\n|---|---|\n| 1 | 2 |'}</SafeMarkdown>,
    );

    expect(container.querySelector('h4')?.textContent).toBe('Risk');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('table')).not.toBeNull();
  });

  it('drops javascript: links', () => {
    const { container } = render(<SafeMarkdown>{'[click](javascript:alert(1))'}</SafeMarkdown>);

    expect(container.querySelector('a')?.getAttribute('href') ?? '').not.toContain('javascript:');
  });
});
