import type { z } from 'zod';

/**
 * A route of the API as data: the server registers it (with its policy) and the web client calls
 * it, so request and response types are written once.
 */
export interface RouteDef<
  P extends z.ZodTypeAny | undefined = z.ZodTypeAny | undefined,
  Q extends z.ZodTypeAny | undefined = z.ZodTypeAny | undefined,
  B extends z.ZodTypeAny | undefined = z.ZodTypeAny | undefined,
  R extends z.ZodTypeAny = z.ZodTypeAny,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Status of a successful answer (default 200). */
  status?: number;
}

export function route<
  P extends z.ZodTypeAny | undefined = undefined,
  Q extends z.ZodTypeAny | undefined = undefined,
  B extends z.ZodTypeAny | undefined = undefined,
  R extends z.ZodTypeAny = z.ZodTypeAny,
>(def: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return def;
}

type Infer<T> = T extends z.ZodTypeAny ? z.infer<T> : undefined;
type Input<T> = T extends z.ZodTypeAny ? z.input<T> : undefined;
export type ParamsOf<D> = D extends RouteDef<infer P, any, any, any> ? Infer<P> : never;
export type QueryOf<D> = D extends RouteDef<any, infer Q, any, any> ? Input<Q> : never;
export type BodyOf<D> = D extends RouteDef<any, any, infer B, any> ? Input<B> : never;
export type ResponseOf<D> = D extends RouteDef<any, any, any, infer R> ? z.infer<R> : never;
