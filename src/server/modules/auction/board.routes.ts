import type { FastifyInstance, FastifyReply } from 'fastify';
import { boardRoutes as r } from '../../../contract/board.js';
import type { AppContext } from '../../app.js';
import { defineRoute } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import * as svc from './board.service.js';
import { expireOverdueNegotiations } from './negotiation.service.js';

/** Sends an export as a download (never rendered inline: the name and type come from the service). */
function download(reply: FastifyReply, file: svc.ExportFile) {
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store');
  return file.data;
}

export async function boardModule(app: FastifyInstance, { database }: AppContext) {
  // The board is the chair's and the secretariat's view of the whole cycle; units see their own proposals.
  const readers = policy.roles('region_admin', 'head_of_region');
  // Negotiations past their deadline end first, so the board never counts them as still running.
  const current = (regionId: string) => expireOverdueNegotiations(database, regionId);
  defineRoute(app, r.board, readers, async ({ actor, params }) => {
    await current(actor.regionId);
    return svc.getBoard(database.db, actor, params.id);
  });
  defineRoute(app, r.boardXlsx, readers, async ({ actor, params, reply }) => {
    await current(actor.regionId);
    return download(reply, await svc.boardXlsx(database.db, actor, params.id));
  });
  defineRoute(app, r.resultsPdf, readers, async ({ actor, params, reply }) => {
    await current(actor.regionId);
    return download(reply, await svc.resultsPdf(database.db, actor, params.id));
  });
}
