/** Appends a value to a parameter list and answers its placeholder (`$3`). */
export function sqlParams(params: unknown[]): (value: unknown) => string {
  return (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
}
