import { Foundation1764000000000 } from './1764000000000-Foundation';

/** Every migration, in order. New migrations are added here. */
export const MIGRATIONS: Function[] = [Foundation1764000000000];
