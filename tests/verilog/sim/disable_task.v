// disable of a task from another process ends that task's activation; the caller resumes after the call.
module top;
  task slow;
    begin
      $display("%0t slow start", $time);
      #10 $display("%0t slow end (never)", $time);
    end
  endtask
  task self_stop;
    input [3:0] n;
    integer k;
    begin
      for (k = 0; k < 10; k = k + 1) begin
        if (k == n) disable self_stop;
        $display("k=%0d", k);
      end
    end
  endtask
  initial begin
    slow;
    $display("%0t after slow", $time);
    self_stop(3);
    $display("after self_stop");
  end
  initial #4 disable slow;
endmodule
