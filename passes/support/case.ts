/** `ServiceBasic` → `service_basic`, `HTTPServer` → `http_server`: Rust's own snake case of a type name. */
export const snakeCase = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
