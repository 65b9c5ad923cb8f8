/**
 * Multipart uploads (the CSV import): files are streamed to disk as they arrive, never buffered
 * whole, and a file over the configured size is cut off and refused.
 */
import multipart from '@fastify/multipart';
import fp from 'fastify-plugin';

export default fp<{ maxFileBytes: number }>(
  async (fastify, options) => {
    await fastify.register(multipart, {
      throwFileSizeLimit: true,
      // The contract has ten files; a few more reach the importer, which names the extra ones.
      limits: { fileSize: options.maxFileBytes, files: 20, fields: 20 },
    });
  },
  { name: 'multipart' },
);
