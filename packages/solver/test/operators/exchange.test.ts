import { createExchange } from '../../src/search/operators/exchange.ts';
import { runOperatorContract } from './operator-contract.ts';

runOperatorContract({ move: createExchange(1, 1), pairs: 'nodes' });
runOperatorContract({ move: createExchange(2, 1), pairs: 'nodes' });
runOperatorContract({ move: createExchange(2, 2), pairs: 'nodes' });
