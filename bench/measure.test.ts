import test from 'ava';
import { measure, median, sideBySide } from './measure.js';

// The bench compares tools by wall time and CPU time; these check that the two are measured apart.
test('a sleeping child takes wall time but is not charged CPU time for the sleep', async (t) => {
  // Python's own start-up costs CPU (more on a busy machine), the second of sleep none.
  const m = await measure('python3', ['-c', 'import time; time.sleep(1)'], process.cwd());
  t.true(m.ok);
  t.true(m.ms >= 1000, `wall ${m.ms} ms`);
  t.true(m.cpuMs <= m.ms - 700, `cpu ${m.cpuMs} ms of ${m.ms} ms`);
  t.true(m.peakMiB > 1);
});

test('a busy child is charged the CPU time it burns', async (t) => {
  const m = await measure('python3', ['-c', 'import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass'], process.cwd());
  t.true(m.ok);
  t.true(m.cpuMs >= 290, `cpu ${m.cpuMs} ms`);
});

test('a failing child is reported as failed', async (t) => {
  const m = await measure('python3', ['-c', 'import sys; sys.stderr.write("boom"); sys.exit(3)'], process.cwd());
  t.false(m.ok);
  t.is(m.stderr, 'boom');
});

test('median of odd and even counts', (t) => {
  t.is(median([3, 1, 2]), 2);
  t.is(median([4, 1, 3, 2]), 2.5);
});

test('side by side: run pairs are compared one by one, so a slow spell counts once on each side', (t) => {
  // The machine slows down for runs 3-5: the medians make b look faster, yet a wins four pairs of five.
  const a = [100, 100, 300, 300, 300];
  const b = [110, 110, 330, 330, 90];
  t.true(median(a) > median(b), 'the medians alone say b is faster');
  const s = sideBySide(a, b);
  t.is(s.pairs, 5);
  t.is(s.aFaster, 4);
  t.true(Math.abs(s.ratio - 100 / 110) < 1e-9);
  t.deepEqual(sideBySide([1, 2], [1, 2, 3]), { ratio: 1, aFaster: 0, pairs: 2 });
});
