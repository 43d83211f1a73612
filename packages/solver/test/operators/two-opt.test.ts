import { twoOpt } from '../../src/search/operators/two-opt.ts';
import { runOperatorContract } from './operator-contract.ts';

runOperatorContract({ move: twoOpt, pairs: 'nodes' });
