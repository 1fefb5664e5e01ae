import http from 'node:http';

/** One keep-alive connection, as a browser tab would hold, so every timing is a request, not a handshake. */
export function keepAliveAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 1 });
}

export interface TimedResponse {
  status: number;
  ms: number;
  bytes: number;
  body: string;
}

/** A GET whose time runs from sending the request to having read the whole response body. */
export function timedGet(agent: http.Agent, url: string, headers: Record<string, string> = {}): Promise<TimedResponse> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          ms: performance.now() - started,
          bytes: body.length,
          body: body.toString('utf8'),
        });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}
