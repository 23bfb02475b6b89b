import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { dashboardAccessHook, VerifyToken } from './dashboard-access';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

export interface QueueDashboardOptions {
  queues: Queue[];
  verifyToken: VerifyToken;
  basePath?: string;
}

/**
 * Mounts bull-board for the given queues under `basePath`, in a fastify scope of its own whose
 * onRequest hook lets admins only in (bearer token or session cookie): the hook covers every
 * page, static file and action of the board, and no route outside it.
 */
export async function registerQueueDashboard(fastify: FastifyInstance, options: QueueDashboardOptions): Promise<void> {
  const basePath = options.basePath ?? QUEUE_DASHBOARD_PATH;
  const board = new FastifyAdapter().setBasePath(basePath);
  createBullBoard({
    queues: options.queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'TRTA Planner queues' } },
  });
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', dashboardAccessHook(options.verifyToken, basePath));
      await scope.register(board.registerPlugin());
    },
    { prefix: basePath },
  );
}
