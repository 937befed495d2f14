import { requestLogSerializers } from './request-log';

describe('The request log', () => {
  it('keeps the method, address and outcome of a request, never its credentials or headers', () => {
    const request = {
      id: 'c-1',
      method: 'POST',
      url: '/api/offenders/7136e7be-9fdb-4bec-b3b8-fbb809b03cdd/contacts',
      remoteAddress: '127.0.0.1',
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig', cookie: 'ppo.sid=s%3Asecret' },
    };
    const logged = JSON.stringify({ req: requestLogSerializers.req(request), res: requestLogSerializers.res({ statusCode: 200 }) });
    expect(JSON.parse(logged)).toEqual({
      req: { method: 'POST', url: '/api/offenders/7136e7be-9fdb-4bec-b3b8-fbb809b03cdd/contacts', remoteAddress: '127.0.0.1' },
      res: { statusCode: 200 },
    });
    expect(logged).not.toMatch(/Bearer|ppo\.sid|secret/);
  });

  it('replaces a search for a name with a placeholder, keeping the other parameters', () => {
    const logged = requestLogSerializers.req({ method: 'GET', url: '/api/offenders?q=Robson&page=2', remoteAddress: '127.0.0.1' });
    expect(logged.url).toBe('/api/offenders?q=%5Bsearch+term%5D&page=2');
  });
});
