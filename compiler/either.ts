/**
 * fp-ts's `Either` constructors and guard, for the pipeline and every pass. The values are fp-ts's
 * own shape (`{ _tag: 'Left', left }`), typed by fp-ts, so they mix with what io-ts returns; only
 * loading fp-ts at start-up is avoided: its `Either` module pulls in a dozen CommonJS files (12 ms
 * of every run, for three one-line functions).
 */
import type { Either, Left } from 'fp-ts/lib/Either.js';

export const left = <E, A = never>(e: E): Either<E, A> => ({ _tag: 'Left', left: e });

export const right = <A, E = never>(a: A): Either<E, A> => ({ _tag: 'Right', right: a });

export const isLeft = <E, A>(ma: Either<E, A>): ma is Left<E> => ma._tag === 'Left';
