import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommentService } from '../comments/CommentService.js';
import { idParams } from './schemas.js';
import { lazySchema } from './lazySchema.js';

// Pieces of several bodies; each body is built on its first use (lazySchema).
const body = () => z.string().trim().min(1, 'is required').max(10_000);
const mentions = () => z.array(z.string().min(1).max(100)).max(50).default([]);
const quote = () => z.string().max(2_000).default('');
const anchor = () =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('range'), start: z.string().min(1).max(500), end: z.string().min(1).max(500), quote: quote() }),
    z.object({ kind: z.literal('block'), blockId: z.string().min(1).max(100), quote: quote() }),
  ]);
const threadBody = lazySchema(() => z.object({ anchor: anchor(), body: body(), mentions: mentions() }));
const replyBody = lazySchema(() => z.object({ body: body(), mentions: mentions() }));
const suggestionCommentBody = lazySchema(() =>
  z.object({ suggestionId: z.string().min(1).max(100), authorId: z.string().min(1).max(100), body: body(), mentions: mentions() }),
);
const editBody = lazySchema(() => z.object({ body: body() }));

export function commentRoutes(comments: CommentService) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/plans/:id/threads', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return { threads: await comments.list(id, user) };
    });

    app.post('/plans/:id/threads', async (request, reply) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return reply.status(201).send({ thread: await comments.createThread(id, user, threadBody.parse(request.body)) });
    });

    app.post('/plans/:id/suggestion-threads', async (request, reply) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return reply.status(201).send({ thread: await comments.commentOnSuggestion(id, user, suggestionCommentBody.parse(request.body)) });
    });

    app.post('/threads/:id/comments', async (request, reply) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return reply.status(201).send({ comment: await comments.reply(id, user, replyBody.parse(request.body)) });
    });

    app.post('/threads/:id/resolve', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return { status: await comments.setResolved(id, user, true) };
    });

    app.post('/threads/:id/reopen', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return { status: await comments.setResolved(id, user, false) };
    });

    app.patch('/comments/:id', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return { comment: await comments.editComment(id, user, editBody.parse(request.body).body) };
    });

    app.delete('/comments/:id', async (request) => {
      const { user } = request;
      const { id } = idParams.parse(request.params);
      return { comment: await comments.deleteComment(id, user) };
    });
  };
}
