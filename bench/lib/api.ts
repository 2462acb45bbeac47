/** Just enough of the Management API to seed a benchmark. */
export interface Api {
  token: string;
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<any>;
}

export async function connect(url: string, clientId = 'decibel', clientSecret = 'decibel-secret'): Promise<Api> {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  if (!response.ok) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  const { access_token: token } = (await response.json()) as { access_token: string };
  const headers = { authorization: `Bearer ${token}` };
  return {
    token,
    get: (path) => fetch(`${url}/v2/content${path}`, { headers }),
    async post(path, body) {
      const answer = await fetch(`${url}/v2/content${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!answer.ok) throw new Error(`POST ${path}: ${answer.status} ${await answer.text()}`);
      return answer.json();
    },
  };
}
