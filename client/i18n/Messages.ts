import type { pl } from './pl.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language must provide: the keys of the Polish texts. */
export type Messages = Widen<typeof pl>;
