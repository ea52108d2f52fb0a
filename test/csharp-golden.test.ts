/**
 * The reference project's C# file is a golden file: every change to the C# backend's
 * output is a reviewed diff (`UPDATE_GOLDEN=1` rewrites it).
 */
import test from 'ava';
import { compareReferenceGolden } from './support/golden.js';

test('the reference project C# file matches its golden file', (t) => compareReferenceGolden(t, 'csharp', 'csharp'));
