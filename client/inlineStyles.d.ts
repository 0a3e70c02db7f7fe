/** Vite's `?inline` import of a style sheet: its processed text, not a <style> on the page. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
