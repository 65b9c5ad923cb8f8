import { DataStatus } from '../features/status/components/DataStatus.tsx';

export function App() {
  return (
    <>
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <header className="site-header">
        <div className="container">
          <p className="product-name">Socialområdets ledelsesinformation</p>
          <p className="product-tagline">Det specialiserede socialområde for voksne</p>
        </div>
      </header>
      <main id="indhold" className="container" tabIndex={-1}>
        <h1>Driftsstatus</h1>
        <p className="lead">Her kan du se, om systemet kører, og hvilke data der er indlæst.</p>
        <DataStatus />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>Det fulde dashboard med nøgletal, grafer og eksport kommer i næste version.</p>
        </div>
      </footer>
    </>
  );
}
