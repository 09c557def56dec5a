import {
  basicAuthorization,
  displayUrl,
  redactUrlsIn,
  splitUserInfo,
} from './urls';

describe('displayUrl', () => {
  it('drops user info and trailing slashes', () => {
    expect(displayUrl('http://user:secret@mlflow:5000/')).toBe(
      'http://mlflow:5000',
    );
    expect(displayUrl('https://token@prometheus.example/prom/')).toBe(
      'https://prometheus.example/prom',
    );
  });

  it('redacts query parameters that look like credentials and keeps the others', () => {
    const shown = displayUrl(
      'https://h.example/x?access_token=t1&api_key=k1&X-Amz-Signature=s1&password=p1&client_secret=c1&sig=g1&view=list',
    );
    expect(shown).toBe(
      'https://h.example/x?access_token=***&api_key=***&X-Amz-Signature=***&password=***&client_secret=***&sig=***&view=list',
    );
  });

  it('leaves a URL without credentials as it is, but for trailing slashes', () => {
    expect(displayUrl('http://127.0.0.1:15000')).toBe('http://127.0.0.1:15000');
    expect(displayUrl('https://mlflow.example.com/')).toBe(
      'https://mlflow.example.com',
    );
  });

  it('strips credentials by pattern from what is not a parseable URL', () => {
    expect(displayUrl('//user:secret@mlflow/?token=abc&x=1/')).toBe(
      '//mlflow/?token=***&x=1',
    );
  });
});

describe('splitUserInfo', () => {
  it('separates the decoded user info from the URL', () => {
    expect(splitUserInfo('http://bob%40corp:p%3Ass@mlflow:5000/')).toEqual({
      url: 'http://mlflow:5000/',
      credentials: { username: 'bob@corp', password: 'p:ss' },
    });
  });

  it('returns a URL without user info unchanged', () => {
    expect(splitUserInfo('http://mlflow:5000')).toEqual({
      url: 'http://mlflow:5000',
    });
    expect(splitUserInfo('not a url')).toEqual({ url: 'not a url' });
  });
});

describe('basicAuthorization', () => {
  it('encodes user and password', () => {
    expect(basicAuthorization({ username: 'bob', password: 'hunter2' })).toBe(
      `Basic ${Buffer.from('bob:hunter2').toString('base64')}`,
    );
  });
});

describe('redactUrlsIn', () => {
  it('redacts the URLs with credentials in a text and leaves the rest', () => {
    expect(
      redactUrlsIn(
        'Request cannot be constructed from a URL that includes credentials: http://user:secret@prometheus:9090/-/ready (see http://docs.example/x?page=2)',
      ),
    ).toBe(
      'Request cannot be constructed from a URL that includes credentials: http://prometheus:9090/-/ready (see http://docs.example/x?page=2)',
    );
    expect(redactUrlsIn('request to https://a:b@k8s:6443/version failed')).toBe(
      'request to https://k8s:6443/version failed',
    );
    expect(redactUrlsIn('GET http://h/api?token=abc, then')).toBe(
      'GET http://h/api?token=***, then',
    );
  });
});
