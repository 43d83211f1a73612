import { swapStar } from '../../src/search/operators/swap-star.ts';
import { runOperatorContract } from './operator-contract.ts';

runOperatorContract({ move: swapStar, pairs: 'routes' });
