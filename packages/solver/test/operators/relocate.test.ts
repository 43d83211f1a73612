import { createRelocate } from '../../src/search/operators/relocate.ts';
import { runOperatorContract } from './operator-contract.ts';

runOperatorContract({ move: createRelocate(1), pairs: 'nodes' });
runOperatorContract({ move: createRelocate(2), pairs: 'nodes' });
runOperatorContract({ move: createRelocate(3), pairs: 'nodes' });
