/** The form-level error (one not tied to a field), announced as soon as it appears. */
export function FormError({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <div className="notice notice--error" role="alert">
      {message}
    </div>
  );
}
