// YAML data files are turned into JSON modules by the build (esbuild.mjs).
declare module '*.yaml' {
  const value: unknown;
  export default value;
}
