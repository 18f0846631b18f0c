// The types of the Node entry (require and import): the package's, and keepAliveFetch.
export * from "./index.js";
export { keepAliveFetch, KeepAliveFetchOptions } from "./node-fetch.cjs";
