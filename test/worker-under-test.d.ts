// The Worker the test project runs (vitest.config.ts aliases this name to its main module).
declare module "worker-under-test" {
  const worker: { fetch(request: Request, env: Env, context: ExecutionContext): Response | Promise<Response> };
  export default worker;
}
