/** A display label for a snake_case key: 'north_america' → 'North America'. */
export function labelFor(key: string): string {
  return key
    .split('_')
    .filter((word) => word.length > 0)
    .map((word) => (word[0] ?? '').toUpperCase() + word.slice(1))
    .join(' ');
}
