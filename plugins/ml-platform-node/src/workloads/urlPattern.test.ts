import { fillPattern } from './urlPattern';

describe('fillPattern', () => {
  it('fills the gateway, namespace and name', () => {
    expect(
      fillPattern('{gateway}/spark/{namespace}/{name}/', {
        gateway: 'https://gw.example.com',
        namespace: 'ns',
        name: 'pi',
      }),
    ).toBe('https://gw.example.com/spark/ns/pi/');
    expect(
      fillPattern(
        'sc://spark.example.com:443/;x-namespace={namespace};x-name={name};n={name}',
        {
          namespace: 'ns',
          name: 'x',
        },
      ),
    ).toBe('sc://spark.example.com:443/;x-namespace=ns;x-name=x;n=x');
  });

  it('is undefined when the pattern wants a gateway there is not', () => {
    expect(
      fillPattern('{gateway}/spark/{namespace}/{name}/', {
        namespace: 'ns',
        name: 'pi',
      }),
    ).toBeUndefined();
    expect(
      fillPattern('{gateway}/spark/{namespace}/{name}/', {
        gateway: '',
        namespace: 'ns',
        name: 'pi',
      }),
    ).toBeUndefined();
  });
});
