import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import nunjucks from 'nunjucks';

const root = join(__dirname, '..', '..', '..', '..', '..');
const views = join(root, 'apps', 'api', 'views');

/**
 * A Nunjucks syntax error in an included partial does not fail the page: the
 * page renders with the partial silently missing. So every template of these
 * pages is compiled here, where an error does fail.
 */
describe('The reading pages’ templates', () => {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([views, join(root, 'node_modules', 'govuk-frontend', 'dist'), join(root, 'node_modules', '@ministryofjustice', 'frontend')]),
  );
  const templates = execFileSync('find', ['pages', 'home', '-name', '*.njk'], { cwd: views, encoding: 'utf8' }).trim().split('\n');

  it.each(templates)('%s compiles', (template) => {
    expect(() => env.getTemplate(template, true)).not.toThrow();
  });
});
