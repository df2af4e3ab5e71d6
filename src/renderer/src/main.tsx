import '@fontsource/noto-naskh-arabic/400.css'
import '@fontsource/noto-naskh-arabic/700.css'
import './styles/app.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import { App } from './App'
import { queryClient } from './data/queryClient'
import { I18nProvider } from './i18n/I18nProvider'
import { ArchiveGate } from './views/backups/ArchiveGate'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ArchiveGate>
          <App />
        </ArchiveGate>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>
)
