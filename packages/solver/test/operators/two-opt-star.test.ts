import { twoOptStar } from '../../src/search/operators/two-opt-star.ts';
import { runOperatorContract } from './operator-contract.ts';

runOperatorContract({ move: twoOptStar, pairs: 'nodes' });
