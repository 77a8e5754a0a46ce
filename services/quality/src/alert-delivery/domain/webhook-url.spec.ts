import { webhookUrlProblem } from './webhook-url';

describe('webhook URLs', () => {
  it.each(['https://hooks.example.com/hotline', 'http://127.0.0.1:8080/x?y=1'])('takes %s', (url) => {
    expect(webhookUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['ftp://example.com/x', /only http and https/],
    ['file:///etc/passwd', /only http and https/],
    ['javascript:alert(1)', /only http and https/],
    ['/relative/path', /not an absolute URL/],
  ])('refuses %s', (url, reason) => {
    expect(webhookUrlProblem(url)).toMatch(reason);
  });
});
