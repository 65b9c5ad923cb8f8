/**
 * `fastify.scheduler`: scheduled KPI email, threshold alerts and automatic follow-up freezes (see
 * schedules/scheduler.ts). The product ticks every 30 s; tests tick by hand with a fake clock.
 * Closing the server stops the loop and waits for a running tick, so the database is never closed
 * under it.
 */
import fp from 'fastify-plugin';
import { createMailTransport } from '../../schedules/mail-transport.ts';
import { Scheduler } from '../../schedules/scheduler.ts';

declare module 'fastify' {
  interface FastifyInstance {
    scheduler: Scheduler;
    /** The app's clock (the scheduler's; a fake one in tests). */
    clock: () => Date;
  }
}

export interface SchedulerPluginOptions {
  /** SMTP_URL; null: every send fails visibly with "no mail server". */
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  /** Tick interval in ms; null: no loop (tests call scheduler.tick()). */
  tickIntervalMs: number | null;
  clock: () => Date;
  instanceId?: string | undefined;
}

export default fp<SchedulerPluginOptions>(
  async (fastify, options) => {
    const transport = createMailTransport(options.smtpUrl);
    const scheduler = new Scheduler({
      db: fastify.database.db,
      transport,
      charts: fastify.chartRenderer,
      from: options.mailFrom,
      publicUrl: options.publicUrl,
      clock: options.clock,
      onStoreMiss: (context) => fastify.precomputeKpis(context),
      log: {
        info: (message) => fastify.log.info(message),
        error: (error, message) => fastify.log.error({ err: error }, message),
      },
      ...(options.instanceId ? { instanceId: options.instanceId } : {}),
    });
    fastify.decorate('scheduler', scheduler);
    fastify.decorate('clock', options.clock);
    if (options.tickIntervalMs !== null) {
      const interval = options.tickIntervalMs;
      fastify.addHook('onReady', async () => scheduler.start(interval));
    }
    fastify.addHook('preClose', async () => {
      await scheduler.stop();
      transport.close();
    });
  },
  { name: 'scheduler', dependencies: ['chart-renderer', 'result-store'] },
);
