// An API failure in words: what could not be done, then each of the
// server's messages with its code.
import type { ApiError } from "../api";

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function ErrorBox({ title, error }: { title: string; error: ApiError }) {
  return (
    <div class="error" role="alert" data-error-code={error.code}>
      <strong>{title}</strong>
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
