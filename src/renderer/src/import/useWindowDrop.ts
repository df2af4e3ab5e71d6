import { useEffect, useState } from 'react'
import { navigate } from '../router'
import { startImport } from './importRun'
import { currentChoices } from './ImportPage'
import { fromDataTransfer } from './picked'

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') === true
}

/**
 * Files and folders dropped anywhere on the window are imported (and the Import page shows the
 * progress). Without this, Electron would navigate the window to a dropped file.
 * Returns whether files are being dragged over the window, to show the drop hint.
 */
export function useWindowDrop(): boolean {
  const [over, setOver] = useState(false)
  useEffect(() => {
    let depth = 0
    const onEnter = (e: DragEvent): void => {
      if (!carriesFiles(e)) return
      depth++
      setOver(true)
    }
    const onLeave = (e: DragEvent): void => {
      if (!carriesFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const onOver = (e: DragEvent): void => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (e: DragEvent): void => {
      if (!carriesFiles(e) || !e.dataTransfer) return
      e.preventDefault()
      depth = 0
      setOver(false)
      // the entries must be taken now: the DataTransfer is emptied once the event returns
      const picked = fromDataTransfer(e.dataTransfer)
      navigate({ name: 'import' })
      void picked.then((files) => startImport(files, currentChoices()))
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('dragover', onOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [])
  return over
}
