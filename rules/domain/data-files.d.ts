// YAML data files (rules/provisions.yaml, rules/sources.yaml) become JSON modules at build time (esbuild.mjs).
declare module '*.yaml' {
  const value: unknown;
  export default value;
}
