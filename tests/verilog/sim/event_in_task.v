// Tasks can wait on named events and wait conditions; the caller blocks until the task returns.
module top;
  event start, done;
  reg flag;
  task wait_start;
    begin
      @(start);
      $display("%0t start seen", $time);
    end
  endtask
  task wait_flag;
    begin
      wait (flag);
      $display("%0t flag seen", $time);
      -> done;
    end
  endtask
  initial begin
    flag = 0;
    wait_start;
    wait_flag;
    $display("%0t caller resumes", $time);
  end
  initial begin
    #4 -> start;
    #3 flag = 1;
  end
  initial begin
    @(done) $display("%0t done event", $time);
  end
endmodule
