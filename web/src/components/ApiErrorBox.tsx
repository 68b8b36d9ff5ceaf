// An API failure in words: what could not be done, each message of the
// answer with its code (data-error-code carries the first, for tests and
// styles).
import { ApiError } from "../api";

export function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function ApiErrorBox({ what, error }: { what: string; error: ApiError }) {
  return (
    <div class="error" role="alert" data-error-code={error.code}>
      <strong>{what}</strong>
      <ul>
        {error.all.map((e, i) => (
          <li key={i}>
            {capitalized(e.message)} <code class="code">{e.code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Any rejection as an ApiError (anything else becomes CLIENT). */
export function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError([{ message: String(e), code: "CLIENT" }]);
}
