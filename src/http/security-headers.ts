// Response headers that protect what the browser does with our responses.
// - Content-Security-Policy: the web UI (Vite build) loads scripts only from this origin and never inline; Ant Design
//   and ECharts set inline styles, so style-src allows 'unsafe-inline' (styles cannot run code). Images: self and
//   data:/blob: (the favicon is a data: URI, exports are blob: URLs). Every other API response (JSON, downloads) gets
//   `default-src 'none'`: even an uploaded file opened in the browser can run nothing.
// - Cache-Control: no-store on every /api response (lists and details carry names and personal data; downloads too),
//   except the API documentation. The in-process response cache (plugins/response-cache.ts) skips responses that
//   carry no-store, so this hook must run AFTER its onSend (see buildApp).
import type { FastifyReply, FastifyRequest } from "fastify";

export const HTML_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const isDocs = (url: string) => url.startsWith("/api/docs") || url.startsWith("/api/openapi.json");

export async function securityHeaders(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const url = request.url;
  const api = url.startsWith("/api/");
  const html = /^text\/html/i.test(String(reply.getHeader("content-type") ?? ""));
  if (!reply.hasHeader("content-security-policy"))
    reply.header("content-security-policy", html || !api || isDocs(url) ? HTML_CSP : API_CSP);
  if (api && !isDocs(url) && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
}
