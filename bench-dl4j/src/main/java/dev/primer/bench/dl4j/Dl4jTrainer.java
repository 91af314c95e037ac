package dev.primer.bench.dl4j;

import dev.primer.tf.bench.ForeignStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A DL4J network trained as a DL4J user trains it: the whole training set in one {@link
 * DataSet}, shuffled in place every epoch (seeded, so runs repeat), one {@code fit} per batch of
 * consecutive rows, each batch a view of the shuffled arrays (no copy; {@link DataSet#batchBy}
 * would make a {@code DataSet} per example and copy every batch).
 */
final class Dl4jTrainer implements ForeignStep.Trainer {
  private final MultiLayerNetwork net;
  private final DataSet all;
  private final int batch;
  private long shuffles;

  Dl4jTrainer(MultiLayerNetwork net, DataSet all, int batch) {
    this.net = net;
    this.all = all;
    this.batch = batch;
  }

  @Override
  public void epoch() {
    all.shuffle(++shuffles);
    long n = all.numExamples();
    for (long start = 0; start + batch <= n; start += batch) {
      INDArrayIndex rows = NDArrayIndex.interval(start, start + batch);
      net.fit(new DataSet(all.getFeatures().get(rows, NDArrayIndex.all()),
          all.getLabels().get(rows, NDArrayIndex.all())));
    }
  }

  /** The mean loss of the last batch trained (DL4J's score), for the tests. */
  double score() {
    return net.score();
  }

  @Override
  public void close() {
    net.close();
    all.getFeatures().close();
    all.getLabels().close();
  }
}
