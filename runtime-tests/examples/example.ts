// A short tour of the generated TypeScript module (`npm run example`): compiled by tsc beside
// reference.ts and run by node; the library is found through REFERENCE_LIBRARY_PATH.
import * as r from './reference.js';

console.log('primitiveU32(41)               =', r.primitiveU32(41));
console.log("patternAsciiPointer1('héllo')  =", r.patternAsciiPointer1('héllo'), 'bytes of UTF-8');
console.log('patternFfiSlice1([1, 2, 39])   =', r.patternFfiSlice1([1, 2, 39]));
console.log('callback(x => x + 1, 41)       =', r.callback((x) => x + 1, 41));
try {
  r.panics();
} catch (error) {
  console.log('panics() threw                 =', (error as Error).message);
}
const service = r.ServiceBasic.newWith(40);
console.log('service.methodU32(2)           =', service.methodU32(2));
console.log('service.half()                 =', service.half());
service.dispose();
