/** The opening paragraph of a body (read from its first 2,000 characters): where a wire story says what happened. */
export function firstParagraph(body: string): string {
  return body.slice(0, 2000).split(/\n\s*\n/, 1)[0];
}
