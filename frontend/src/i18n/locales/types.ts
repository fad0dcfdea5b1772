/** Every locale has the same keys as the Spanish one (the source); values are strings. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
