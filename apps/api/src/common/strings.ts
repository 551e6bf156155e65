import { Transform } from 'class-transformer';

/** Trims strings at the edge; other values pass through for the validators to reject. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
