import { createRelocate } from '../../src/search/operators/relocate.ts';
import { runOperatorContract } from './operator-contract.ts';

runOperatorContract({ move: createRelocate(1), pairs: 'nodes' });
runOperatorContract({ move: createRelocate(2), pairs: 'nodes' });
runOperatorContract({ move: createRelocate(3), pairs: 'nodes' });
runOperatorContract({ move: createRelocate(2, true), pairs: 'nodes' });
runOperatorContract({
  move: createRelocate(3, true),
  pairs: 'nodes',
  // The random duration-limit cases have narrow single windows: three jobs never fit backwards.
  skip: { 'duration-limit': 'no reversed string of three fits the narrow windows there' },
});
