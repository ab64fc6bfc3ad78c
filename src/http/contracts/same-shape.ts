// Compile-time checks that a response schema describes exactly the type the server sends (the domain's DTO): a key or
// a field type that differs on either side fails `tsc`. Types only — nothing here runs.
import type { z } from "zod";

/** Nested objects and arrays spelled out, so `A & B` and the object it amounts to compare equal. */
type Flat<T> = T extends readonly (infer U)[] ? Flat<U>[] : T extends object ? { [K in keyof T]: Flat<T[K]> } : T;

/** True when A and B are the same type (not merely assignable: an extra optional key or a wider type counts). */
export type Equal<A, B> =
  (<T>() => T extends Flat<A> ? 1 : 2) extends <T>() => T extends Flat<B> ? 1 : 2 ? true : false;

/** The DTO `T` with the fields `L` names typed as the schema describes them, where it describes them more loosely on
 * purpose (opaque JSON as unknown, an enum as string). Every key of `L` must be a key of `T`. */
export type Loosened<T, L extends { [K in keyof L]: K extends keyof T ? unknown : never }> = Omit<T, keyof L> & L;

/** `true` only when the schema's output is the DTO: `true satisfies SameShape<typeof Schema, Dto>`. */
export type SameShape<S extends z.ZodType, T> = Equal<z.output<S>, T>;
