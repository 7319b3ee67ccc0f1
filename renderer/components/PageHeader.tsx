interface PageHeaderProps {
  title: string;
  subtitle?: string;
}

/**
 * The page's <h1>. tabIndex -1 lets the app shell move focus here after a navigation (see
 * AppShell), so keyboard and screen-reader users land on the new content.
 */
export function PageHeader({ title, subtitle }: PageHeaderProps) {
  return (
    <header className="page-header">
      <h1 className="page-header__title" tabIndex={-1}>
        {title}
      </h1>
      {subtitle && <p className="page-header__subtitle">{subtitle}</p>}
    </header>
  );
}
