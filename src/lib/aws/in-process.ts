/** Rehearsals' answers (decision 0017): a command answered inside the process, by the last middleware of its stack. */
import { HttpResponse } from "@smithy/core/transport";
import { markShare } from "./own-share.js";

type AnswerInProcess = () => () => Promise<{ response: HttpResponse; output: { $metadata: object } }>;
/** Gives a command a last middleware that answers it with `body` in process: it is never sent. */
export function answeredInProcess<C extends { middlewareStack: { add(middleware: AnswerInProcess, options: object): void } }>(
  command: C,
  body: string,
  contentType = "text/xml;charset=UTF-8",
): C {
  const answer: AnswerInProcess = () => async () => ({
    response: new HttpResponse({ statusCode: 200, headers: { "content-type": contentType }, body: Buffer.from(body) }),
    output: { $metadata: {} },
  });
  command.middlewareStack.add(answer, { step: "deserialize", priority: "low", name: "answerInProcess" });
  // Never sent: it takes nothing of the rate share.
  return markShare(command, "none");
}
