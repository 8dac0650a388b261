/** The comment-bearing lines of a YAML text, from their `#`, in order: what a fix must keep. */
export const comments = (text: string): string[] =>
  text.split('\n').filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')).trim());
