import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { ServerAction } from "./server-actions";

/** A FormData argument, as a `<form action>` passes one. */
export interface FormArg {
  form: Record<string, string>;
}
export type ActionArg = string | number | boolean | null | undefined | FormArg | Record<string, unknown>;

const isForm = (arg: ActionArg): arg is FormArg => typeof arg === "object" && arg !== null && "form" in arg;

/**
 * Calls a server action over HTTP exactly as React's client does: a POST to a
 * page that includes it, the action id in `Next-Action`, the arguments in
 * React's reply encoding (JSON, with a FormData argument as `$K1` and its
 * fields prefixed `_1_` in a multipart body). Anyone can send this request,
 * which is why every action must check who is asking.
 */
export function callServerAction(request: APIRequestContext, action: ServerAction, args: ActionArg[]): Promise<APIResponse> {
  const encoded = JSON.stringify(args.map((arg) => (arg === undefined ? "$undefined" : isForm(arg) ? "$K1" : arg)));
  const headers = { "next-action": action.id, accept: "text/x-component" };
  const form = args.find(isForm);
  if (!form) return request.post(action.pagePath, { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: encoded, maxRedirects: 0 });
  // In the order React writes them: the fields first, the root "0" last (the server reads fields up to the first foreign key).
  const multipart = new FormData();
  for (const [name, value] of Object.entries(form.form)) multipart.append(`_1_${name}`, value);
  multipart.append("0", encoded);
  return request.post(action.pagePath, { headers, multipart, maxRedirects: 0 });
}
